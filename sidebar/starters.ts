/**
 * The starter rubrics offered when the spreadsheet has no rubric yet: examples/*.json, bundled
 * into the sidebar (so they cost the Apps Script bundle nothing).
 */
import fiveDimensions from "../examples/five-dimensions.json";
import lifecycle from "../examples/lifecycle.json";
import pointsFiveTier from "../examples/points-five-tier.json";
import simpleRyg from "../examples/simple-ryg.json";
import type { Json } from "./draft";

export interface Starter {
  rubric: Json;
  summary: string;
}

export const STARTERS: readonly Starter[] = [
  {
    rubric: simpleRyg,
    summary:
      "Red, yellow, green from seat utilisation, features, NPS and P1 tickets, capped when nobody logged in.",
  },
  {
    rubric: fiveDimensions,
    summary: "Adoption, financial, service, relationship and external groups, with risk flags.",
  },
  {
    rubric: lifecycle,
    summary: "An adopted rubric, with leading indicators for accounts still onboarding.",
  },
  {
    rubric: pointsFiveTier,
    summary: "Points for years, CSAT, tickets and reviews, in five tiers from Critical to Superstar.",
  },
];
