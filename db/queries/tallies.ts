import { sql } from "drizzle-orm";
import { claims } from "../schema";

/** Claim counts by status, for a query that left-joins claims and groups by its subject. */
export const statusTallyColumns = {
  pending: sql<number>`coalesce(sum(${claims.status} = 'pending'), 0)`,
  corroborated: sql<number>`coalesce(sum(${claims.status} = 'corroborated'), 0)`,
  contradicted: sql<number>`coalesce(sum(${claims.status} = 'contradicted'), 0)`,
};
