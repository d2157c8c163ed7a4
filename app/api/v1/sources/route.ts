import { listSources } from "@/db/queries/sources";
import { apiUser, handler, json } from "@/lib/http/api";

export const GET = handler(async () => {
  const user = await apiUser();
  if (user instanceof Response) return user;
  return json({ items: listSources() });
});
