import { it } from "vitest";
import { parseRubric, scorecard, explain } from "../../../src/core";
import { rubric, scoreRow, pct, OPTIONS } from "../helpers";
it("probe", () => {
  const r = rubric({ metrics: [{id:"a", column: " Logins ", score:{type:"range",worst:0,best:100}}]});
  console.log(JSON.stringify(r.metrics[0]));
  const p = rubric({ method: "points", metrics: [{id:"a", column: "A", score:{type:"perUnit",points:1e300}}], flags: [{id:"f", column:"F", when: true, cap: 39}, {id:"g", column:"G", when: true, add: 1e308}]});
  console.log(JSON.stringify(scoreRow(p, {A: 1e15, F: true, G: false})), JSON.stringify(scoreRow(p, {A: 1e15, F: false, G: false})));
  console.log(JSON.stringify(scoreRow(p, {A: 1.5e8, F: false, G: true})));
  const m = rubric({ metrics: [{id:"a", column: "A", input: "text", score:{type:"map",values:{"10%": 100, "0.1": 50}}}, {id:"b", column: "B", input: "daysSince", score:{type:"map",values:{"25": 100}}}]});
  const res = scoreRow(m, {A: 0.1, B: "2026-11-01"});
  console.log(JSON.stringify(res), JSON.stringify(res.drivers), explain(res));
  const b = rubric({ metrics: [{id:"a", column: "A", input: "boolean", score:{type:"range",worst:0,best:1}}]});
  const rb = scoreRow(b, {A: 5}); console.log(JSON.stringify(rb), explain(rb));
  const rb2 = scoreRow(b, {A: "5"}); console.log(JSON.stringify(rb2), explain(rb2));
});
