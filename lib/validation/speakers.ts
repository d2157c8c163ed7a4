import { z } from "zod";
import { SPEAKER_KINDS } from "@/db/enums";
import { LIMITS, id, optionalText, requiredName } from "./common";
import { nameKey } from "@/lib/text/name-key";

const name = (label: string) =>
  requiredName(LIMITS.name, label).refine((s) => nameKey(s).length > 0, `${label} needs a letter or a digit.`);

export const createSpeakerInput = z.strictObject({
  name: name("Name"),
  description: optionalText(LIMITS.name, "Description"),
  kind: z.enum(SPEAKER_KINDS, { message: "Kind is person or organization." }),
  aliases: z.array(name("Alias")).max(50, "At most 50 aliases at once.").default([]),
});

export const addAliasInput = z.strictObject({ speakerId: id, alias: name("Alias") });

export const removeAliasInput = z.strictObject({ speakerId: id, aliasId: id });

export const mergeSpeakersInput = z
  .strictObject({ keepId: id, mergeId: id })
  .refine((m) => m.keepId !== m.mergeId, { message: "Pick two different speakers.", path: ["mergeId"] });
