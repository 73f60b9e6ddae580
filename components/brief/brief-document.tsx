/**
 * The brief rendered as HTML: the same content, in the same order, as the Word and PDF files.
 * The article carries the brief's language, which may differ from the interface's.
 */
import type { BriefContent, BriefText } from "@/lib/brief/content";
import type { SentencePart } from "@/lib/brief/outcome-sentence";
import styles from "./brief.module.css";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Section } from "@/components/ui/section";

function Text({ value }: { value: BriefText }) {
  return value.untranslated ? <span className={styles.untranslated}>{value.text}</span> : <>{value.text}</>;
}

function Sentence({ parts }: { parts: SentencePart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.untranslated ? (
          <span key={index} className={styles.untranslated}>
            {part.text}
          </span>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

export function BriefDocument({ content }: { content: BriefContent }) {
  const { words } = content;
  return (
    <article lang={content.lang} className={styles.brief} aria-labelledby="brief-title">
      {content.draft ? <p className={styles.draft}>{words.draft}</p> : null}
      <header className={styles.titleBlock}>
        <p className={styles.kind}>{content.title.kind}</p>
        <h2 id="brief-title">{content.title.name}</h2>
        <p>
          {content.title.preparedFor} {content.title.preparedBy}
        </p>
        <p>{content.title.date}</p>
      </header>

      <Section id="brief-key-results" title={words.keyResults} className={null}>
        {content.introduction ? (
          <p>
            <Text value={content.introduction} />
          </p>
        ) : null}
        {content.noChangeNote ? <p>{content.noChangeNote}</p> : null}
        {content.overview ? (
          <>
            <h3>{words.programmeOverview}</h3>
            <p>
              <Text value={content.overview} />
            </p>
          </>
        ) : null}
        <h3>{words.byDomain}</h3>
        {content.domains.map((domain) => (
          <section key={domain.heading} aria-label={domain.heading}>
            <h4>{domain.heading}</h4>
            {domain.outcomes.length ? (
              <ul>
                {domain.outcomes.map((outcome) => (
                  <li key={outcome.code}>
                    <Sentence parts={outcome.sentence.parts} />
                    {outcome.note === null ? null : (
                      <sup>
                        {" "}
                        <a
                          href={`#brief-source-${outcome.note}`}
                          id={`brief-source-ref-${outcome.note}`}
                          aria-label={`${words.sourcesHeading} ${outcome.note}`}
                        >
                          [{outcome.note}]
                        </a>
                      </sup>
                    )}
                    {outcome.quotations.map((quotation, index) => (
                      <blockquote key={index} className={styles.quotation}>
                        <Text value={quotation} />
                      </blockquote>
                    ))}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{words.noOutcomes}</p>
            )}
          </section>
        ))}
      </Section>

      <Section id="brief-learnings" title={words.keyLearnings} className={null}>
        {content.keyLearnings.map((learning, index) => (
          <div key={index}>
            <h3>
              <Text value={learning.theme} />
            </h3>
            <p>
              <Text value={learning.narrative} />
            </p>
            {learning.sustainability ? (
              <p>
                <strong>{words.sustainability}: </strong>
                <Text value={learning.sustainability} />
              </p>
            ) : null}
          </div>
        ))}
      </Section>

      <Section id="brief-at-risk" title={words.atRisk} className={null}>
        {content.atRisk.map((impact) => (
          <div key={impact.group}>
            <h3>{impact.group}</h3>
            <p>
              <Text value={impact.text} />
            </p>
          </div>
        ))}
      </Section>

      <Section id="brief-lessons" title={words.lessons} className={null}>
        <ol>
          {content.lessons.map((lesson) => (
            <li key={lesson.number} value={lesson.number}>
              <Text value={lesson.text} />
            </li>
          ))}
        </ol>
      </Section>

      <Section id="brief-recommendations" title={words.recommendations} className={null}>
        {content.recommendations.map((group) => (
          <div key={group.audience}>
            <h3>{group.audience}</h3>
            <ol start={group.items[0]?.number ?? 1}>
              {group.items.map((item) => (
                <li key={item.number} value={item.number}>
                  <Text value={item.text} />
                </li>
              ))}
            </ol>
          </div>
        ))}
      </Section>

      <Section id="brief-method" title={words.method} className={null}>
        {/* Two short columns: it reflows at 320 px without a scroll region of its own. */}
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{words.figure}</th>
              <th scope="col">{words.count}</th>
            </tr>
          </thead>
          <tbody>
            {content.method.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="brief-notes" title={words.notes} className={null}>
        <h3>{words.portfolio}</h3>
        {content.notes.map((note, index) => (
          <ScrollRegion key={note.office} labelledBy={`brief-note-${index}`}>
            <table className="table table--compact">
              <caption id={`brief-note-${index}`}>{note.office}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.acronym}</th>
                  <th scope="col">{words.project}</th>
                </tr>
              </thead>
              <tbody>
                {note.projects.map((project) => (
                  <tr key={project.acronym}>
                    <td>{project.acronym}</td>
                    <td>{project.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
        {content.sources.length ? (
          <>
            <h3>{words.sourcesHeading}</h3>
            <ol>
              {content.sources.map((note) => (
                <li key={note.number} value={note.number} id={`brief-source-${note.number}`}>
                  {note.text}{" "}
                  <a href={`#brief-source-ref-${note.number}`} aria-label={`${words.backToOutcome} (${note.number})`}>
                    ↩
                  </a>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Section>
    </article>
  );
}
