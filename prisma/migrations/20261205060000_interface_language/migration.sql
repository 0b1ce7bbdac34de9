-- The language of the workbench each person picks (issue 16): 'en' or 'fr'. NULL follows the
-- browser's Accept-Language. Only the workbench, account and sign-in pages read it; reader pages
-- are in their fact-check's language.
ALTER TABLE "users" ADD COLUMN "interface_language" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_interface_language_check" CHECK ("interface_language" IN ('en', 'fr'));
