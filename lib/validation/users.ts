import { z } from "zod";
import { ROLES } from "@/db/enums";
import { LIMITS, id, requiredName, text } from "./common";

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

export const password = text("Password")
  .min(LIMITS.password.min, `A password has at least ${LIMITS.password.min} characters.`)
  .max(LIMITS.password.max, `A password has at most ${LIMITS.password.max} characters.`);

export const role = z.enum(ROLES, { message: `Role is one of ${ROLES.join(", ")}.` });

export const createUserInput = z.strictObject({
  email,
  name: requiredName(LIMITS.name, "Name"),
  role,
  password,
});

export const changeRoleInput = z.strictObject({ userId: id, role });
export const setDisabledInput = z.strictObject({ userId: id, disabled: z.boolean() });
export const resetPasswordInput = z.strictObject({ userId: id, password });
export const endSessionsInput = z.strictObject({ userId: id });
export const unlockInput = z.strictObject({ userId: id });

/** Sign-in only checks shape: a policy change must not lock out old passwords. */
export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(LIMITS.email),
  password: z.string().min(1).max(LIMITS.password.max),
});
