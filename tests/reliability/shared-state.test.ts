import { sharedState, sqliteDesk } from "./support/shared-state";

sharedState("state two servers share, on one SQLite file", [3351, 3352], sqliteDesk);
