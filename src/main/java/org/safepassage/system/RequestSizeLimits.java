package org.safepassage.system;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The limits on request bodies, taken from Tomcat's and Spring's own settings so there is
 * one place to change them, and the page shown when one is passed.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimits {

	/**
	 * First of all filters: before the session is loaded and before CSRF reads the body.
	 */
	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(TomcatServerProperties tomcat,
			MultipartProperties multipart) {
		long maxMultipart = multipart.getMaxRequestSize().toBytes();
		var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(
				tomcat.getMaxHttpFormPostSize().toBytes(), maxMultipart, Math.max(2 * maxMultipart, 20L << 20)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Controller
	static class TooLargePage {

		@GetMapping(RequestSizeLimitFilter.TOO_LARGE_PAGE)
		ModelAndView tooLarge() {
			ModelAndView view = new ModelAndView("error/message");
			view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
			view.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
			view.addObject("messageKey", "error.tooLarge");
			return view;
		}

	}

}
