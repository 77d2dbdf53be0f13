import { RateLimiterMemory } from "rate-limiter-flexible";
import { getEnv } from "./env.server";

/**
 * Failed sign-ins counted per account and per client address (rate-limiter-flexible, in memory: one
 * process serves the app; several instances would each keep their own count).
 */
function makeLimiters() {
  const env = getEnv();
  const duration = env.LOGIN_ATTEMPT_WINDOW_MINUTES * 60;
  return {
    account: new RateLimiterMemory({ keyPrefix: "login_account", points: env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT, duration }),
    ip: new RateLimiterMemory({ keyPrefix: "login_ip", points: env.LOGIN_MAX_ATTEMPTS_PER_IP, duration }),
  };
}

let limiters: ReturnType<typeof makeLimiters> | undefined;
const get = () => (limiters ??= makeLimiters());

/** Seconds until another attempt is allowed, or 0 when the account and address may try now. */
export async function loginBlockedForSeconds(email: string, ip: string | null): Promise<number> {
  const { account, ip: byIp } = get();
  const [a, b] = await Promise.all([account.get(email.toLowerCase()), ip ? byIp.get(ip) : null]);
  const blocked = [
    a && a.consumedPoints >= account.points ? a.msBeforeNext : 0,
    b && b.consumedPoints >= byIp.points ? b.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordFailedLogin(email: string, ip: string | null): Promise<void> {
  const { account, ip: byIp } = get();
  await Promise.all([
    account.penalty(email.toLowerCase(), 1),
    ip ? byIp.penalty(ip, 1) : Promise.resolve(),
  ]);
}

export async function clearFailedLogins(email: string): Promise<void> {
  await get().account.delete(email.toLowerCase());
}
