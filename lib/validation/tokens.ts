import { z } from "zod";
import { id, LIMITS, requiredText } from "./common";

export const createTokenInput = z.strictObject({ name: requiredText(LIMITS.name, "Name") });
export const revokeTokenInput = z.strictObject({ tokenId: id });
