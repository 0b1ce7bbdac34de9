// The W3C Web Annotation test suite's must-assertions (vendored in ./web-annotation, see its
// LICENSE.md), run on one annotation the way the suite's harness runs them: each assertion is a
// JSON schema the annotation must be valid against.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const SUITE = path.join(import.meta.dirname, "web-annotation");
const MUST_TESTS = ["annotations/annotationMusts.test", "bodiesTargets/bodyMusts.test", "bodiesTargets/targetMusts.test", "specificResource/specificResourceMusts.test"];

type Assertion = { file: string; errorMessage: string };
const readJson = (file: string) => JSON.parse(readFileSync(path.join(SUITE, file), "utf8")) as Record<string, unknown>;

// The suite writes draft-04 schemas in its own idiom (union types, keywords without a type beside them).
const ajv = new Ajv04({ allErrors: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
// The suite's own keywords, which say how its harness reports a result; they validate nothing.
ajv.addVocabulary(["assertionType", "expectedResult", "onUnexpectedResult", "errorMessage"]);
for (const file of readdirSync(path.join(SUITE, "definitions"))) ajv.addSchema(readJson(path.join("definitions", file)));

/** Every distinct assertion of the four must-tests, in the order the tests list them. */
export const ANNOTATION_MUSTS: string[] = [...new Set(MUST_TESTS.flatMap((test) => readJson(test).assertions as string[]))];

const checks = ANNOTATION_MUSTS.map((file) => {
  const schema = readJson(file) as Assertion & Record<string, unknown>;
  return { file, errorMessage: schema.errorMessage, validate: ajv.compile(schema) };
});

export type FailedMust = { assertion: string; message: string; details: string };

/** The must-assertions this annotation fails, with the suite's message and Ajv's reasons; empty when it passes all. */
export function failedAnnotationMusts(annotation: unknown): FailedMust[] {
  return checks.flatMap(({ file, errorMessage, validate }) =>
    validate(annotation) ? [] : [{ assertion: file, message: errorMessage, details: ajv.errorsText(validate.errors) }],
  );
}
