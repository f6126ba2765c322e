/** The most characters a connection, template or automation name may hold (core.MaxNameLength). */
export const MAX_NAME = 200
