import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isLocale } from "@/lib/i18n/locales";

// /en/…, /fr/…: the reader pages readable in both languages. proxy.ts has already set the request's
// language from this segment (i18n/request.ts); any other first segment is no page.
export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  if (!isLocale((await params).locale)) notFound();
  return children;
}
