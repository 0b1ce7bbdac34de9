// Search in this language (app/(public)/_reader/).
export { default, generateMetadata } from "../../_reader/search-page";
