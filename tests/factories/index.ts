export * from "./ids";
export * from "./users";
export * from "./evaluations";
export * from "./respondents";
export * from "./fieldwork";
export * from "./stories";
export * from "./team";
export * from "./triangulation";
