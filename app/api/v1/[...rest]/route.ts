import { apiError } from "@/lib/http/api";

/** Unknown API paths answer in the API's own error shape, not with an HTML page. */
const notFound = async () => apiError(404, "not_found", "No such API endpoint.");

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
