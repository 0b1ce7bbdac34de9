import { describe, expect, it } from "vitest";

import { detectLanguage } from "./detect-language";

describe("detectLanguage", () => {
  it.each([
    ["en", "The White House tried on Wednesday to play down the idea of a dialogue between Washington and Caracas."],
    ["fr", "La Maison Blanche a tenté mercredi de balayer l’idée d’un dialogue entre Washington et le président vénézuélien."],
    ["es", "La Casa Blanca intentó el miércoles descartar la idea de un diálogo entre Washington y el presidente venezolano."],
    ["de", "Das Weiße Haus hat am Mittwoch versucht, die Idee eines Dialogs zwischen Washington und Caracas herunterzuspielen."],
    ["ru", "Белый дом в среду попытался опровергнуть идею диалога между Вашингтоном и президентом Венесуэлы."],
    ["zh", "白宫周三试图淡化华盛顿与委内瑞拉总统马杜罗之间进行对话的想法，并表示接触的目的是让他下台。这是一个很长的句子，用于检测语言。"],
  ])("maps franc's answer to ISO 639-1 (%s)", (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("answers und for text too short to judge", () => {
    expect(detectLanguage("Bonjour tout le monde")).toBe("und");
    expect(detectLanguage("")).toBe("und");
  });

  it("answers und for text without letters", () => {
    expect(detectLanguage("1720111917 2024-07-04 18:03:53 1720111917 2024-07-04 18:03:53 1720111917")).toBe("und");
  });
});
