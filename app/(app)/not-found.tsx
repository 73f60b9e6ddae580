import { NotFoundContent } from "@/components/layout/not-found-content";

/** `notFound()` in a signed-in page: rendered inside the app layout, which has the header and `<main>`. */
export default function AppNotFound() {
  return <NotFoundContent />;
}
