package org.safepassage.system.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

	private final AuditLog audit;

	AuditWebConfiguration(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuditInterceptor(this.audit)).addPathPatterns("/admin/**");
	}

}
