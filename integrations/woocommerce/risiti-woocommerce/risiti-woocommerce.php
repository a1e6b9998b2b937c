<?php
/**
 * Plugin Name:          Risiti for WooCommerce
 * Plugin URI:           https://risiti.ng/integrations/woocommerce
 * Description:          Turns your store's paid orders into NRS e-invoices and receipts in Risiti: the shopper becomes a customer, the order an invoice (finalized and, if you wish, submitted to NRS), the payment a receipt, a refund a credit note.
 * Version:              1.0.0
 * Requires at least:    6.0
 * Requires PHP:         7.4
 * Author:               Risiti
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          risiti-woocommerce
 * Requires Plugins:     woocommerce
 * WC requires at least: 7.0
 * WC tested up to:      9.4
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

define( 'RISITI_WC_VERSION', '1.0.0' );
define( 'RISITI_WC_FILE', __FILE__ );
define( 'RISITI_WC_DIR', __DIR__ );

require_once RISITI_WC_DIR . '/includes/class-risiti-money.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-settings.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-api-error.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-client.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-invoice-lines.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-retries.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-order-sync.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-admin.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-emails.php';
require_once RISITI_WC_DIR . '/includes/class-risiti-plugin.php';

add_action( 'plugins_loaded', array( 'Risiti_Plugin', 'boot' ) );

// Order data is read and written only through WC_Order (meta included), so High-Performance Order Storage works.
add_action(
	'before_woocommerce_init',
	static function () {
		if ( class_exists( '\Automattic\WooCommerce\Utilities\FeaturesUtil' ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', RISITI_WC_FILE, true );
		}
	}
);
