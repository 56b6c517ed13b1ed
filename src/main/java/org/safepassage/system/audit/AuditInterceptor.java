package org.safepassage.system.audit;

import java.security.Principal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every staff request that changes something (any method but GET, HEAD and
 * OPTIONS under {@code /admin}) and every CSV export, as the route that handled it and
 * its path variables: {@code POST /admin/petitions/{id}/open} with {@code id=42}. The
 * modules need not know about it, unless a handler records a more precise entry itself
 * ({@link AuditLog#RECORDED_BY_HANDLER}). Nothing of the body is recorded.
 */
class AuditInterceptor implements HandlerInterceptor {

	private final AuditLog audit;

	AuditInterceptor(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = pattern == null ? request.getRequestURI() : pattern.toString();
		if ((!changes(request.getMethod()) && !route.endsWith(".csv"))
				|| request.getAttribute(AuditLog.RECORDED_BY_HANDLER) != null) {
			return;
		}
		Principal principal = request.getUserPrincipal();
		int status = (ex != null && response.getStatus() < 400) ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
				: response.getStatus();
		this.audit.record(principal == null ? null : principal.getName(), request.getMethod() + " " + route,
				variables(request), String.valueOf(status), request.getRemoteAddr());
	}

	private static boolean changes(String method) {
		return !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
				|| HttpMethod.OPTIONS.matches(method));
	}

	private static String variables(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> map)
				|| map.isEmpty()) {
			return null;
		}
		return new TreeMap<>(map).entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
	}

}
