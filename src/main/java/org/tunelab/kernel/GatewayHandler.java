package org.tunelab.kernel;

/**
 * The server's side of a kernel's gateway: answers requests that code in the kernel sends to the server (for
 * a remote model call, a training slot...). The kernel package carries the bytes and knows nothing of their
 * meaning; requests and answers are one-line JSON by convention (see {@code org.tunelab.play.Gateway}).
 */
@FunctionalInterface
public interface GatewayHandler {
    /**
     * Answers one request. Called on a gateway thread, never the kernel's I/O thread; may take as long as the
     * work takes (a code waiting for the answer can still be stopped).
     *
     * @param owner   the key of the kernel that asked ({@code Kernels} key, e.g. "student/lesson/slug"), or
     *                null for a kernel not handed to anyone (a pool kernel, a grading kernel)
     * @param request the request, as sent
     * @return the answer; never null
     */
    String handle(String owner, String request);
}
