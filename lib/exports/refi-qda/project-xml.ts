/**
 * project.qde from the project structure, children in the order Project.xsd fixes: CodeBook,
 * Variables, Cases, Sources, Notes, Description. No Users and no dates: the team's names are not
 * part of what is shared, and a date of writing would make every download differ.
 */
import type { QdaCode, QdaProject } from "./model";
import { element, textElement, xmlDocument, type XmlNode } from "./xml";

export const QDA_NAMESPACE = "urn:QDA-XML:project:1.0";

function codeNode(code: QdaCode): XmlNode {
  return element("Code", { guid: code.guid, name: code.name, isCodable: code.codable }, [
    ...(code.description ? [textElement("Description", code.description)] : []),
    ...code.children.map(codeNode),
  ]);
}

export function projectXml(project: QdaProject, description: string): string {
  const sections: XmlNode[] = [element("CodeBook", {}, [element("Codes", {}, project.codes.map(codeNode))])];
  sections.push(
    element(
      "Variables",
      {},
      project.variables.map((variable) =>
        element("Variable", { guid: variable.guid, name: variable.name, typeOfVariable: "Text" }),
      ),
    ),
  );
  if (project.cases.length > 0) {
    sections.push(
      element(
        "Cases",
        {},
        project.cases.map((row) =>
          element("Case", { guid: row.guid, name: row.name }, [
            ...row.values.map((value) =>
              element("VariableValue", {}, [
                element("VariableRef", { targetGUID: value.variableGuid }),
                textElement("TextValue", value.value),
              ]),
            ),
            ...row.sourceGuids.map((guid) => element("SourceRef", { targetGUID: guid })),
          ]),
        ),
      ),
    );
  }
  if (project.sources.length > 0) {
    sections.push(
      element(
        "Sources",
        {},
        project.sources.map((source) =>
          element(
            "TextSource",
            { guid: source.guid, name: source.name, plainTextPath: source.path },
            source.selections.map((selection) =>
              element(
                "PlainTextSelection",
                {
                  guid: selection.guid,
                  name: selection.name,
                  startPosition: selection.start,
                  endPosition: selection.end,
                },
                [
                  ...selection.codings.map((coding) =>
                    element("Coding", { guid: coding.guid }, [element("CodeRef", { targetGUID: coding.codeGuid })]),
                  ),
                  ...selection.noteGuids.map((guid) => element("NoteRef", { targetGUID: guid })),
                ],
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (project.notes.length > 0) {
    sections.push(
      element(
        "Notes",
        {},
        project.notes.map((note) =>
          element("Note", { guid: note.guid, name: note.name }, [textElement("PlainTextContent", note.text)]),
        ),
      ),
    );
  }
  sections.push(textElement("Description", description));
  return xmlDocument(element("Project", { xmlns: QDA_NAMESPACE, name: project.name, origin: "msc-cases" }, sections));
}
