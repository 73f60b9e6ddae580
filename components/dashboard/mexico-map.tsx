/**
 * A server-rendered choropleth of stories per state. Colours are fill attributes (the CSP forbids
 * style attributes); zero has its own hatched fill; states the fieldwork plan names but has not
 * reached carry dots and a dashed outline; every state names its count (and the plan's mark) in a
 * <title>, and the table beside the map carries the same figures, so colour is never the only signal.
 */
import { getTranslations } from "next-intl/server";
import type { StateRow } from "@/lib/dashboard/loaders";
import { classOf, isMarked, mapClasses, MAP_SHAPES, MAP_VIEW_BOX, PLAN_MARK_STROKE } from "@/lib/dashboard/map";

const MARK = {
  fill: "url(#map-planned)",
  stroke: PLAN_MARK_STROKE.stroke,
  strokeWidth: PLAN_MARK_STROKE.width,
  strokeDasharray: PLAN_MARK_STROKE.dash,
} as const;

const ZERO_FILL = "url(#map-zero)";

/** The legend's colour sample; "none" uses the map's own hatch pattern (one id in the document). */
function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="map-legend__swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#4d4d4d" />
    </svg>
  );
}

/** The plan's mark in the legend: the map's dots and dashed outline on white. */
function MarkSwatch() {
  return (
    <svg className="map-legend__swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="14" height="14" fill="#ffffff" />
      <rect x="1" y="1" width="14" height="14" {...MARK} />
    </svg>
  );
}

/**
 * Light grey with diagonal hatching, so "none" differs from the lightest class by more than hue;
 * and the plan's dots (the same as lib/dashboard/map-svg.ts), dark with a light ring for every class.
 */
function Patterns() {
  return (
    <defs>
      <pattern id="map-zero" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#f2f2f2" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" strokeWidth="1.5" />
      </pattern>
      <pattern id="map-planned" width="7" height="7" patternUnits="userSpaceOnUse">
        <circle cx="3.5" cy="3.5" r="1.5" fill="#1a1a1a" stroke="#ffffff" strokeWidth="0.6" />
      </pattern>
    </defs>
  );
}

export async function MexicoMap({ states, summaryId }: { states: StateRow[]; summaryId: string }) {
  const t = await getTranslations("dashboard.where");
  const classes = mapClasses(Math.max(0, ...states.map((state) => state.stories)));
  const marked = states.filter(isMarked);
  const markKind = marked[0]?.plan ?? null;
  const title = (state: StateRow) => {
    const count = t("stateTitle", { state: state.name, count: state.stories });
    return state.plan ? `${count}. ${t(`planMark.${state.plan}`)}` : count;
  };
  return (
    <figure className="map">
      <svg
        className="map__svg"
        viewBox={MAP_VIEW_BOX}
        role="img"
        aria-labelledby={`map-title ${summaryId}`}
        focusable="false"
      >
        <title id="map-title">{t("mapTitle")}</title>
        <Patterns />
        {states.map((state) => (
          <path
            key={state.iso}
            d={MAP_SHAPES.get(state.iso)}
            fill={classOf(state.stories, classes)?.fill ?? ZERO_FILL}
            stroke="#4d4d4d"
            strokeWidth="0.6"
          >
            <title>{title(state)}</title>
          </path>
        ))}
        {/* After every state, so no neighbour's outline covers the mark's. */}
        {marked.map((state) => (
          <path key={`${state.iso}-plan`} d={MAP_SHAPES.get(state.iso)} {...MARK} pointerEvents="none" />
        ))}
      </svg>
      <figcaption>
        <p className="map-legend__title" id="map-legend-title">
          {t("legend")}
        </p>
        <ul className="map-legend" aria-labelledby="map-legend-title">
          <li className="map-legend__item">
            <Swatch fill={ZERO_FILL} /> {t("zero")}
          </li>
          {classes.map((range) => (
            <li key={range.from} className="map-legend__item">
              <Swatch fill={range.fill} />{" "}
              {range.from === range.to
                ? t("single", { from: range.from })
                : t("range", { from: range.from, to: range.to })}
            </li>
          ))}
          {markKind ? (
            <li className="map-legend__item">
              <MarkSwatch /> {t(`planMark.${markKind}`)}
            </li>
          ) : null}
        </ul>
        <p className="muted map__credit">{t("credit")}</p>
      </figcaption>
    </figure>
  );
}
