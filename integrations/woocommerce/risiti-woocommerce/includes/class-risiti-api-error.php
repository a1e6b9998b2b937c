<?php
/**
 * A failed call to the Risiti API.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * What went wrong, and whether trying again later can help (the API down, 429, 5xx) or not (a 4xx about the data).
 */
class Risiti_Api_Error extends Exception {

	/** @var int HTTP status, 0 when the API could not be reached. */
	private $status;

	/** @var string The API's error code (VALIDATION_ERROR, ...), or TRANSPORT_ERROR. */
	private $error_code;

	/** @var bool */
	private $retryable;

	/**
	 * @param int    $status     HTTP status or 0.
	 * @param string $error_code API error code.
	 * @param string $message    Human-readable message (never contains the API key).
	 * @param bool   $retryable  Whether a later attempt may succeed.
	 */
	public function __construct( $status, $error_code, $message, $retryable ) {
		parent::__construct( $message );
		$this->status     = (int) $status;
		$this->error_code = (string) $error_code;
		$this->retryable  = (bool) $retryable;
	}

	/** @return int */
	public function status() {
		return $this->status;
	}

	/** @return string */
	public function error_code() {
		return $this->error_code;
	}

	/** @return bool */
	public function is_retryable() {
		return $this->retryable;
	}

	/** @return string One line for order notes and admin notices. */
	public function describe() {
		$status = $this->status > 0 ? 'HTTP ' . $this->status . ' ' : '';
		return $status . $this->error_code . ': ' . $this->getMessage();
	}
}
