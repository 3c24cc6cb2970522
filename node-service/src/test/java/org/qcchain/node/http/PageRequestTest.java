package org.qcchain.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.config.NodeConfig;

@Timeout(10)
class PageRequestTest {

    final NodeConfig.Limits limits = new NodeConfig.Limits(1024 * 1024, 200, 50);

    @Test
    void uses_the_default_size_and_first_page_without_parameters() {
        assertThat(PageRequest.of(null, null, limits)).isEqualTo(new PageRequest(50, ""));
    }

    @Test
    void refuses_sizes_outside_the_limit_or_not_numbers() {
        for (String size : new String[] {"0", "201", "ten", "-5", "1e3"}) {
            assertThatThrownBy(() -> PageRequest.of(size, null, limits))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("between 1 and 200");
        }
    }

    @Test
    void refuses_an_overlong_bookmark() {
        assertThatThrownBy(() -> PageRequest.of("10", "b".repeat(2000), limits))
                .isInstanceOf(ApiException.class).hasMessageContaining("bookmark");
    }
}
