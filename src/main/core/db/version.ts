/** Version of the desk's local schema sent with each push (bump with each client migration). */
export const CLIENT_SCHEMA_VERSION = 1;
