import { z } from "zod";
import { id, LIMITS, requiredName } from "./common";

export const createTokenInput = z.strictObject({ name: requiredName(LIMITS.name, "Name") });
export const revokeTokenInput = z.strictObject({ tokenId: id });
