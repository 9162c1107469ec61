import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../platform/calendar';
import { currentStage, deadlineState, overdueStage, type ClockFacts } from './deadlines';

/** SP4N-LAPOR! clocks on working days (PermenPANRB 62/2018, BRIEF 4.8). */
const calendar = buildCalendar('Asia/Jakarta', [['2026-03-16', 'Hari libur uji']]);

describe('SP4N-LAPOR! deadlines on the Pemda calendar', () => {
  it('counts 3 / 5 / 60 working days from receipt, skipping weekends and holidays', () => {
    // Received Friday 13 March 2026; Monday 16 is a holiday.
    expect(calendar.addWorkingDays('2026-03-13', 3)).toBe('2026-03-19');
    expect(calendar.addWorkingDays('2026-03-13', 5)).toBe('2026-03-23');
    expect(calendar.addWorkingDays('2026-03-13', 60)).toBe('2026-06-08');
    // Received on a Saturday: the clock starts on the next working day.
    expect(calendar.addWorkingDays('2026-03-14', 3)).toBe('2026-03-19');
  });

  const facts = (over: Partial<ClockFacts> = {}): ClockFacts => ({ status: 'received', verifiedAt: null, firstResponseAt: null, closedAt: null, verifyDue: '2026-03-19', respondDue: '2026-03-23', resolveDue: '2026-06-08', ...over });

  it('knows the running stage and how it stands', () => {
    expect(currentStage(facts())).toBe('verify');
    expect(currentStage(facts({ verifiedAt: new Date() }))).toBe('respond');
    expect(currentStage(facts({ verifiedAt: new Date(), firstResponseAt: new Date() }))).toBe('resolve');
    expect(currentStage(facts({ status: 'closed' }))).toBe('done');
    expect(deadlineState(calendar, facts(), '2026-03-13')).toBe('on_time');
    expect(deadlineState(calendar, facts(), '2026-03-18')).toBe('due_soon');
    expect(deadlineState(calendar, facts(), '2026-03-19')).toBe('due_soon');
    expect(deadlineState(calendar, facts(), '2026-03-20')).toBe('overdue');
    expect(deadlineState(calendar, facts({ status: 'closed', closedAt: new Date('2026-06-08T08:00:00Z') }), '2026-07-01')).toBe('met');
    expect(deadlineState(calendar, facts({ status: 'closed', closedAt: new Date('2026-06-09T08:00:00Z') }), '2026-07-01')).toBe('late');
  });

  it('escalates the most advanced stage that ran out', () => {
    expect(overdueStage(facts(), '2026-03-19')).toBeNull();
    expect(overdueStage(facts(), '2026-03-20')).toBe('verify');
    expect(overdueStage(facts({ verifiedAt: new Date() }), '2026-03-20')).toBeNull();
    expect(overdueStage(facts({ verifiedAt: new Date() }), '2026-03-24')).toBe('respond');
    expect(overdueStage(facts({ verifiedAt: new Date(), firstResponseAt: new Date() }), '2026-06-09')).toBe('resolve');
    expect(overdueStage(facts({ status: 'closed' }), '2027-01-01')).toBeNull();
  });
});
