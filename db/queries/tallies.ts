import { sql, type SQL } from "drizzle-orm";
import { claims } from "../schema";

/** How many of the rows an aggregate reads meet the condition (0 when none do), on either engine. */
export const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** Claim counts by status, for a query that left-joins claims and groups by its subject. */
export const statusTallyColumns = {
  pending: countWhere(sql`${claims.status} = 'pending'`),
  corroborated: countWhere(sql`${claims.status} = 'corroborated'`),
  contradicted: countWhere(sql`${claims.status} = 'contradicted'`),
};
