/** A JSON body with the path's id laid over it; anything but an object goes to zod as it is, to be refused. */
export function withPathId(body: unknown, key: string, id: number): unknown {
  return body !== null && typeof body === "object" && !Array.isArray(body) ? { ...body, [key]: id } : body;
}
