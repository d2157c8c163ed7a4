import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // habit 1: components never reach the database
    files: ["app/_components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/*", "!@/db/schema", "!@/db/enums"], message: "Components get data as props; pages read through db/queries." }] }],
    },
  },
  {
    // pages read through db/queries and write through lib/, never through the raw client
    files: ["app/**"],
    ignores: ["app/_components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["@/db/client", "@/db/connection"].map((name) => ({ name, message: "Read through db/queries, write through lib/." })) }],
    },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "data/**", "test-results/**", "playwright-report/**", "db/migrations/**"]),
]);
