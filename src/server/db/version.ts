/** Version of the register's data shapes announced in /health; bump with incompatible migrations. */
export const SCHEMA_VERSION = 1;
