/**
 * The starter rubrics (src/addon/starters.ts). The server sends them with the sidebar's data on a
 * first run; otherwise they are asked for once, when someone opens "Start over", so the page sent
 * at every opening does not carry them.
 */
import type { SidebarApi } from "../src/addon/sidebarApi";
import { server } from "./server";

export type Starter = ReturnType<SidebarApi["starterRubrics"]>[number];

let starters: Promise<readonly Starter[]> | undefined;

/** The starters: those the server already sent, else one call to the server (tried again after a failure). */
export function starterRubrics(sent?: readonly Starter[] | null): Promise<readonly Starter[]> {
  if (sent) starters ??= Promise.resolve(sent);
  starters ??= server.starterRubrics().catch((e: unknown) => {
    starters = undefined;
    throw e;
  });
  return starters;
}
