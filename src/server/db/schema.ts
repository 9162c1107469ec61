import type { ColumnType, Generated } from 'kysely';
import type { AuthTables } from '../modules/auth/tables';
import type { OrgTables } from '../modules/org/tables';
import type { PlatformTables } from '../platform/tables';

/** Timestamps (timestamptz) come back as Date on both drivers. */
export type Timestamp = Date;
export type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** jsonb: read as parsed value, written as JSON text (both drivers accept a string for jsonb parameters). */
export type Json<T = unknown> = ColumnType<T, string, string>;
export type JsonNullable<T = unknown> = ColumnType<T | null, string | null, string | null>;
export type { Generated };

/**
 * The whole database as Kysely sees it: each module declares its own tables in its `tables.ts`, added here in
 * one line.
 */
export interface DB extends PlatformTables, OrgTables, AuthTables {}
