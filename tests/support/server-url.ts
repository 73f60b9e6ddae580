/** The PostgreSQL server tests may create databases on, if one was given. */
export function serverTestDatabase(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}
