/**
 * SPEC §8: the daily check's service calls do not grow with the registry or the log. A check
 * over 10 goals and one over 10,000 goals with 1,000,000 check-ins make the same calls, e-mails
 * aside (both send the same one digest).
 */

import { LOG_DAYS, largeWorkbook } from "./dailyCheck.fixture";

function checkCalls(goals: number, checkins: number) {
  const book = largeWorkbook(goals, checkins);
  book.emu.calls.reset();
  const outcome = book.run();
  return { outcome, calls: book.emu.calls.byMethod() };
}

describe("the daily check's service calls", () => {
  it("are the same for 10 goals and for 10,000 goals with 1,000,000 check-ins", () => {
    // Check-ins spread over the same days in both sizes: the zone look-ups go by week.
    const small = checkCalls(10, LOG_DAYS);
    const big = checkCalls(10_000, 1_000_000);
    expect(small.outcome).toMatchObject({ ran: true, sent: 1 });
    expect(big.outcome).toMatchObject({ ran: true, sent: 1 });
    expect(big.calls).toEqual(small.calls);
    expect(small.calls["Range.getValues"]).toBe(4);
    expect(small.calls["MailApp.sendEmail"]).toBe(1);
  }, 300_000);
});
