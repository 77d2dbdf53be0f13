import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Accessibility reports accepted per client address (anyone may report without signing in, so this
 * is what keeps a script from filling the administrators' list). In memory, like the sign-in limiter
 * (login-rate-limit.server.ts): one process serves the app.
 */
export const FEEDBACK_REPORTS_PER_IP = 5;
export const FEEDBACK_WINDOW_SECONDS = 60 * 60;
/** All addresses together: a flood from many addresses cannot bury the administrators either. */
export const FEEDBACK_REPORTS_IN_ALL = 100;

let limiter: RateLimiterMemory | undefined;
let overall: RateLimiterMemory | undefined;
const get = () =>
  (limiter ??= new RateLimiterMemory({ keyPrefix: "feedback_ip", points: FEEDBACK_REPORTS_PER_IP, duration: FEEDBACK_WINDOW_SECONDS }));
const getOverall = () =>
  (overall ??= new RateLimiterMemory({ keyPrefix: "feedback_all", points: FEEDBACK_REPORTS_IN_ALL, duration: FEEDBACK_WINDOW_SECONDS }));

/** Takes one report from the address's allowance: 0 when it may send now, else seconds to wait. */
export async function takeFeedbackAllowance(ip: string | null): Promise<number> {
  try {
    await get().consume(ip ?? "unknown", 1);
    await getOverall().consume("all", 1);
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}
