// Configuration for the Prisma CLI. The app itself migrates with `npm run db:migrate`, which needs
// no download; connected installs may also run `npx prisma migrate deploy` with DATABASE_URL set.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/msc",
  },
});
