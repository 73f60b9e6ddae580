/**
 * A server-rendered choropleth of stories per state. Colours are fill attributes (the CSP forbids
 * style attributes); zero has its own hatched fill; every state names its count in a <title>, and
 * the table beside the map carries the same figures, so colour is never the only signal.
 */
import { getTranslations } from "next-intl/server";
import type { StateRow } from "@/lib/dashboard/loaders";
import { classOf, mapClasses, MAP_SHAPES, MAP_VIEW_BOX } from "@/lib/dashboard/map";

const ZERO_FILL = "url(#map-zero)";

/** The legend's colour sample; "none" uses the map's own hatch pattern (one id in the document). */
function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="map-legend__swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={fill} stroke="#4d4d4d" />
    </svg>
  );
}

/** Light grey with diagonal hatching, so "none" differs from the lightest class by more than hue. */
function ZeroPattern() {
  return (
    <defs>
      <pattern id="map-zero" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#f2f2f2" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

export async function MexicoMap({ states, summaryId }: { states: StateRow[]; summaryId: string }) {
  const t = await getTranslations("dashboard.where");
  const classes = mapClasses(Math.max(0, ...states.map((state) => state.stories)));
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
        <ZeroPattern />
        {states.map((state) => (
          <path
            key={state.iso}
            d={MAP_SHAPES.get(state.iso)}
            fill={classOf(state.stories, classes)?.fill ?? ZERO_FILL}
            stroke="#4d4d4d"
            strokeWidth="0.6"
          >
            <title>{t("stateTitle", { state: state.name, count: state.stories })}</title>
          </path>
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
        </ul>
        <p className="muted map__credit">{t("credit")}</p>
      </figcaption>
    </figure>
  );
}
