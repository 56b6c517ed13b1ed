package org.safepassage.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body over the limit gets a clear 413 (the site's page, or a problem detail
 * under {@code /api/}) and one log line, before anything reads it: Tomcat would otherwise
 * throw from the first parameter read (in the CSRF filter), print two stack traces and
 * answer with its own page. A declared length is checked up front; a chunked body that
 * turns out too large is caught when reading it fails. Forms and other bodies may be as
 * large as {@code server.tomcat.max-http-form-post-size}, multipart uploads as
 * {@code spring.servlet.multipart.max-request-size}.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	static final String TOO_LARGE_PAGE = "/error/too-large";

	/** Where staff upload the representatives directory (a whole UK postcode file). */
	static final String LARGE_UPLOADS = "/admin/letters/directory";

	/** Every other multipart body: research CSVs and the like. */
	static final long SMALL_UPLOADS = 10L << 20;

	private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

	private final long maxBody;

	private final long maxMultipart;

	private final long maxDrained;

	/**
	 * @param maxDrained how much of a refused body is read and thrown away so the client
	 * sees the answer: a server that closes with unread data resets the connection, and a
	 * browser then shows its own error instead of our page. Beyond this the connection is
	 * closed anyway.
	 */
	RequestSizeLimitFilter(long maxBody, long maxMultipart, long maxDrained) {
		this.maxBody = maxBody;
		this.maxMultipart = maxMultipart;
		this.maxDrained = maxDrained;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		long limit = isMultipart(request) ? multipartLimit(request) : this.maxBody;
		if (limit >= 0 && length > limit) {
			refuse(request, response, length + " bytes", limit);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IllegalStateException | ServletException ex) {
			if (!tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response, "a chunked body", limit);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String size, long limit)
			throws ServletException, IOException {
		log.warn("Refused {} {} from {}: {} over the limit of {} bytes", request.getMethod(), request.getRequestURI(),
				request.getRemoteAddr(), size, limit);
		if (request.getContentLengthLong() <= this.maxDrained) {
			drain(request);
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
						+ "\"detail\":\"The request body is larger than " + limit + " bytes.\"}");
			return;
		}
		request.getRequestDispatcher(TOO_LARGE_PAGE).forward(new WithoutBody(request), response);
	}

	private void drain(HttpServletRequest request) {
		byte[] buffer = new byte[16 * 1024];
		long read = 0;
		try {
			InputStream body = request.getInputStream();
			for (int n = body.read(buffer); n >= 0 && read <= this.maxDrained; n = body.read(buffer)) {
				read += n;
			}
		}
		catch (IOException | IllegalStateException unreadable) {
			// the client went away, or the body was already consumed: nothing to drain
		}
	}

	/**
	 * Large uploads only where staff import large files; everywhere else, and so for
	 * every anonymous form, the usual limit (the body is spooled to disk before the CSRF
	 * check or sign-in can refuse it).
	 */
	private long multipartLimit(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(LARGE_UPLOADS) ? this.maxMultipart : Math.min(this.maxMultipart, SMALL_UPLOADS);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/**
	 * Tomcat's {@code InvalidParameterException} (form too large) and its upload size
	 * exceptions, however wrapped.
	 */
	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = String.valueOf(cause.getMessage());
			if (name.contains("SizeLimitExceeded") || name.contains("MaxUploadSizeExceeded")
					|| (name.equals("InvalidParameterException") && message.contains("too big"))) {
				return true;
			}
		}
		return false;
	}

	/** The refused request as a GET with no body, so the page can be rendered. */
	static final class WithoutBody extends HttpServletRequestWrapper {

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
			return new ServletInputStream() {

				@Override
				public boolean isFinished() {
					return true;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}

				@Override
				public int read() {
					return empty.read();
				}

			};
		}

	}

}
