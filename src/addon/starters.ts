/**
 * The starter rubrics offered when a spreadsheet has no rubric yet: examples/*.json, each with a
 * line about it. They live here, not in the sidebar: the sidebar's page is sent every time it
 * opens and has a size budget, while these are needed only on a first run (getSidebarData sends
 * them then) or when someone starts over (the sidebar asks for them, once).
 */
import fiveDimensions from "../../examples/five-dimensions.json";
import lifecycle from "../../examples/lifecycle.json";
import pointsFiveTier from "../../examples/points-five-tier.json";
import simpleRyg from "../../examples/simple-ryg.json";
import type { JsonObject } from "../core";

export interface Starter {
  rubric: JsonObject;
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
