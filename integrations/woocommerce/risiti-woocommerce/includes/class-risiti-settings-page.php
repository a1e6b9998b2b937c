<?php
/**
 * WooCommerce → Settings → Risiti.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings tab. The API key is never printed back into the page: the field shows it masked and an empty
 * submission keeps the stored key.
 */
class Risiti_Settings_Page extends WC_Settings_Page {

	/** @var Risiti_Settings */
	private $settings;

	/**
	 * @param Risiti_Settings $settings Settings.
	 */
	public function __construct( Risiti_Settings $settings ) {
		$this->id       = 'risiti';
		$this->label    = __( 'Risiti', 'risiti-woocommerce' );
		$this->settings = $settings;
		add_action( 'woocommerce_admin_field_risiti_api_key', array( $this, 'render_api_key_field' ) );
		add_action( 'woocommerce_admin_field_risiti_test_connection', array( $this, 'render_test_connection' ) );
		add_filter( 'woocommerce_admin_settings_sanitize_option_' . Risiti_Settings::API_KEY, array( $this, 'sanitize_api_key' ), 10, 3 );
		parent::__construct();
	}

	/**
	 * @param string $current_section Section.
	 * @return array
	 */
	public function get_settings( $current_section = '' ) {
		return $this->get_settings_for_default_section();
	}

	/** @return array The fields. */
	protected function get_settings_for_default_section() {
		return array(
			array(
				'title' => __( 'Risiti e-invoicing', 'risiti-woocommerce' ),
				'type'  => 'title',
				/* translators: %s: guide URL */
				'desc'  => sprintf( __( 'Paid orders become NRS e-invoices and receipts in Risiti. <a href="%s" target="_blank" rel="noopener">Read the setup guide</a>.', 'risiti-woocommerce' ), esc_url( $this->settings->guide_url() ) ),
				'id'    => 'risiti_connection',
			),
			array(
				'title'   => __( 'API base URL', 'risiti-woocommerce' ),
				'id'      => Risiti_Settings::BASE_URL,
				'type'    => 'url',
				'default' => 'https://api.risiti.ng',
			),
			array(
				'title'    => __( 'API key', 'risiti-woocommerce' ),
				'id'       => Risiti_Settings::API_KEY,
				'type'     => 'risiti_api_key',
				'desc_tip' => __( 'An rs_live_ or rs_test_ key with invoices:write, customers:write and invoices:read. Leave empty to keep the stored key.', 'risiti-woocommerce' ),
			),
			array(
				'title'    => __( 'Business ID', 'risiti-woocommerce' ),
				'id'       => Risiti_Settings::BUSINESS_ID,
				'type'     => 'text',
				'desc_tip' => __( 'Filled in by "Test connection" from the key; change it only if Risiti support asks you to.', 'risiti-woocommerce' ),
			),
			// No id: WooCommerce saves every field that has one, and a button has nothing to save.
			array(
				'type' => 'risiti_test_connection',
			),
			array(
				'type' => 'sectionend',
				'id'   => 'risiti_connection',
			),
			array(
				'title' => __( 'Invoicing', 'risiti-woocommerce' ),
				'type'  => 'title',
				'id'    => 'risiti_invoicing',
			),
			array(
				'title'   => __( 'Invoice orders when they become', 'risiti-woocommerce' ),
				'id'      => Risiti_Settings::TRIGGER_STATUSES,
				'type'    => 'multiselect',
				'class'   => 'wc-enhanced-select',
				'options' => function_exists( 'wc_get_order_statuses' ) ? wc_get_order_statuses() : array(),
				'default' => array( 'wc-processing', 'wc-completed' ),
			),
			array(
				'title'   => __( 'VAT', 'risiti-woocommerce' ),
				'id'      => Risiti_Settings::UNTAXED_LINES,
				'type'    => 'select',
				'desc'    => __( 'Invoice lines carry the VAT WooCommerce charged (its tax settings decide). Lines it charged no VAT on are:', 'risiti-woocommerce' ),
				'options' => array(
					'zero_rated' => __( 'Zero-rated (0 %, e.g. basic food, medical supplies, exports)', 'risiti-woocommerce' ),
					'exempt'     => __( 'Exempt from VAT', 'risiti-woocommerce' ),
				),
				'default' => 'zero_rated',
			),
			array(
				'title'   => __( 'Finalize invoices', 'risiti-woocommerce' ),
				'id'      => Risiti_Settings::AUTO_FINALIZE,
				'type'    => 'checkbox',
				'desc'    => __( 'Finalize at once (IRN, signature, QR code); receipts need a finalized invoice', 'risiti-woocommerce' ),
				'default' => 'yes',
			),
			array(
				'title'   => __( 'Submit to NRS', 'risiti-woocommerce' ),
				'id'      => Risiti_Settings::AUTO_SUBMIT_NRS,
				'type'    => 'checkbox',
				'desc'    => __( 'Submit finalized invoices to NRS at once (Starter plan and above)', 'risiti-woocommerce' ),
				'default' => 'no',
			),
			array(
				'type' => 'sectionend',
				'id'   => 'risiti_invoicing',
			),
		);
	}

	/**
	 * The key field: shows the stored key masked, never its value.
	 *
	 * @param array $field Field.
	 */
	public function render_api_key_field( $field ) {
		$masked = $this->settings->masked_api_key();
		?>
		<tr valign="top">
			<th scope="row" class="titledesc"><label for="<?php echo esc_attr( $field['id'] ); ?>"><?php echo esc_html( $field['title'] ); ?></label></th>
			<td class="forminp">
				<input name="<?php echo esc_attr( $field['id'] ); ?>" id="<?php echo esc_attr( $field['id'] ); ?>" type="password" value="" autocomplete="new-password" placeholder="<?php echo esc_attr( '' !== $masked ? $masked : 'rs_live_…' ); ?>" />
				<p class="description"><?php echo esc_html( $field['desc_tip'] ); ?></p>
			</td>
		</tr>
		<?php
	}

	/**
	 * Keeps the stored key when the field comes back empty.
	 *
	 * @param mixed $value     Submitted value.
	 * @param array $option    Field.
	 * @param mixed $raw_value Raw value.
	 * @return string
	 */
	public function sanitize_api_key( $value, $option, $raw_value ) {
		$value = trim( (string) $value );
		return '' === $value ? $this->settings->api_key() : sanitize_text_field( $value );
	}

	/**
	 * The "Test connection" button; admin.js posts it with the nonce to admin-ajax.php.
	 *
	 * @param array $field Field.
	 */
	public function render_test_connection( $field ) {
		?>
		<tr valign="top">
			<th scope="row" class="titledesc"><?php esc_html_e( 'Connection', 'risiti-woocommerce' ); ?></th>
			<td class="forminp">
				<button type="button" class="button" id="risiti-test-connection" data-nonce="<?php echo esc_attr( wp_create_nonce( Risiti_Admin::TEST_CONNECTION_ACTION ) ); ?>"><?php esc_html_e( 'Test connection', 'risiti-woocommerce' ); ?></button>
				<span id="risiti-test-connection-result" aria-live="polite"></span>
			</td>
		</tr>
		<?php
	}
}
