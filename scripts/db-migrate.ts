import { databasePath, migrateDatabase, openDatabase } from "@/db/connection";

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Migrated ${file}`);
