<?php
/**
 * Loads the WordPress and WooCommerce fakes, then the plugin as WordPress would.
 *
 * @package Risiti_WooCommerce\Tests
 */

require __DIR__ . '/fakes/wordpress.php';
require __DIR__ . '/fakes/woocommerce.php';
require __DIR__ . '/../risiti-woocommerce/risiti-woocommerce.php';
require __DIR__ . '/RisitiApi.php';
