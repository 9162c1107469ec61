import type { ColumnType, Generated } from 'kysely';
import type { BudgetTables } from '../modules/budget/tables';
import type { AttendanceTables } from '../modules/attendance/tables';
import type { AuthTables } from '../modules/auth/tables';
import type { ComplaintTables } from '../modules/complaints/tables';
import type { CoordinationTables } from '../modules/coordination/tables';
import type { IndicatorTables } from '../modules/indicators/tables';
import type { NeutralityTables } from '../modules/neutrality/tables';
import type { OrgTables } from '../modules/org/tables';
import type { StaffingTables } from '../modules/staffing/tables';
import type { PlatformTables } from '../platform/tables';
import type { ServiceTables } from '../platform/service-tables';

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
export interface DB extends PlatformTables, OrgTables, AuthTables, ServiceTables, CoordinationTables, IndicatorTables, BudgetTables, ComplaintTables, NeutralityTables, StaffingTables, AttendanceTables {}
