import type { EventEmitter } from "node:events";
export declare const TURN_MESSAGE: "portal:write-turn";
export declare const DONE_MESSAGE: "portal:write-done";
export declare function keepWriteTurns(cluster: Pick<EventEmitter, "on">): void;
