// The home page in this language (app/(public)/_reader/).
export { default, generateMetadata } from "../_reader/home-page";
