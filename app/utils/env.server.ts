import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
const optionalUrl = optionalText.refine((value) => value === undefined || URL.canParse(value), {
  message: "måste vara en giltig URL",
});

/** Every setting the server reads, parsed once at start so a bad value fails fast with a clear message. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      message: "måste börja med postgres:// eller postgresql://",
    }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DIR: z.string().trim().min(1).default("./data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  /** Express "trust proxy": how many reverse proxies stand in front (0 = none). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.split(",").every((s) => s.trim().length >= 32), {
      message: "varje hemlighet (kommaseparerade) måste vara minst 32 tecken",
    }),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(480),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: z.coerce.number().int().min(1).max(90 * 24).default(168),
  /** Secure cookies; defaults to on in production. Turn off only for plain-http testing. */
  SESSION_COOKIE_SECURE: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(10000).default(30),
  LOGIN_ATTEMPT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** The address people use to reach the app; links in e-mails point here. */
  APP_URL: z.string().trim().url("måste vara en URL, t.ex. https://idesluss.stockholm.se").default("http://localhost:3000"),
  /** SMTP server for e-mail (smtp://user:pass@host:587 or smtps://…). Without it e-mail stays in the outbox. */
  SMTP_URL: optionalText.refine((value) => value === undefined || /^smtps?:\/\//.test(value), {
    message: "måste börja med smtp:// eller smtps://",
  }),
  MAIL_FROM: z.string().trim().min(3).default("Idéslussen <no-reply@idesluss.invalid>"),
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_REDIRECT_URI: optionalUrl,
  OIDC_UNIT_CLAIM: optionalText,
  OIDC_NAME_CLAIM: z.string().trim().min(1).default("name"),
  OIDC_EMAIL_CLAIM: z.string().trim().min(1).default("email"),
  /** Scopes asked for at sign-in; Microsoft Entra ID needs no more than these. */
  OIDC_SCOPES: z.string().trim().default("openid profile email")
    .refine((value) => value.split(/\s+/).includes("openid"), { message: "måste innehålla openid" }),
}).superRefine((env, ctx) => {
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_REDIRECT_URI];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_ISSUER"],
      message: "OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_REDIRECT_URI måste anges tillsammans",
    });
  }
  // Plain http only to a provider on this machine (tests, local development); anything else over https.
  if (env.OIDC_ISSUER && !/^https:/i.test(env.OIDC_ISSUER) && !isLoopbackIssuer(env.OIDC_ISSUER)) {
    ctx.addIssue({
      code: "custom",
      path: ["OIDC_ISSUER"],
      message: "måste använda https (http tillåts bara för localhost, 127.0.0.1 och ::1)",
    });
  }
  if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.SESSION_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["SESSION_SECRET"],
      message: "krävs i produktion med DATABASE_URL (minst 32 slumpmässiga tecken)",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

/** An http(s) URL whose host is this machine: the only place a plain-http OIDC issuer is accepted. */
export function isLoopbackIssuer(issuer: string): boolean {
  const url = URL.parse(issuer);
  return Boolean(url && url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Ogiltig konfiguration i miljövariablerna:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
