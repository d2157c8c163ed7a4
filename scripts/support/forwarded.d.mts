import type { IncomingMessage } from "node:http";

export function trustedHops(raw: string | undefined): number;
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string;
export function rewriteForwarded(request: IncomingMessage, hops: number): void;
