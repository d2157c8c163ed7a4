import { noPostgres, pgTitle } from "./support/pg";
import { postgresDesk, sharedState } from "./support/shared-state";

sharedState(pgTitle("state two servers share, on one PostgreSQL database"), [3366, 3367], postgresDesk, noPostgres);
